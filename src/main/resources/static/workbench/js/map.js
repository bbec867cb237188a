// The place of a case on a Leaflet map: the grid's outline and the reported point. Tiles only when the server
// names a tile server (gridcase.map.tile-url); without one the outline is drawn on a blank background (offline).
import * as L from '/webjars/leaflet/dist/leaflet-src.esm.js';

export function drawPlace(element, outline, lat, lon, tileUrl) {
  const map = L.map(element, { attributionControl: !!tileUrl, zoomControl: true });
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
  }
  const layers = [];
  if (outline && outline.length) {
    layers.push(L.polygon(outline, { color: '#1d5fbf', weight: 2, fillOpacity: 0.08 }).addTo(map));
  }
  if (lat != null && lon != null) {
    layers.push(L.circleMarker([lat, lon], { radius: 7, color: '#c2410c', fillOpacity: 0.8 }).addTo(map));
  }
  if (layers.length) {
    map.fitBounds(L.featureGroup(layers).getBounds().pad(0.2));
  } else {
    map.setView([34.27, 108.9], 13);
  }
  return map;
}
