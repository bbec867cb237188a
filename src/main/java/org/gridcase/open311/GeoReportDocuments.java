package org.gridcase.open311;

import java.util.List;

import javax.xml.stream.XMLOutputFactory;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes a GeoReport document in the format the path's suffix names ({@code .xml} or {@code .json}), as the
 * specification chooses it, whatever the Accept header says. Mappers of their own, so that the application's JSON
 * settings and Spring's content negotiation cannot change the standard's shapes; both keep null fields (the
 * specification's examples show {@code "account_id":null} and {@code <account_id/>}).
 */
@Component
class GeoReportDocuments {

    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=utf-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=utf-8");

    private final ObjectMapper json = JsonMapper.builder().build();
    private final XmlMapper xml = XmlMapper.builder(XmlFactory.builder().xmlOutputFactory(outputFactory()).build())
            .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
            .build();

    /** Woodstox, writing the declaration as the specification's examples do: {@code <?xml version="1.0" ...?>}. */
    private static XMLOutputFactory outputFactory() {
        XMLOutputFactory factory = new WstxOutputFactory();
        factory.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
        return factory;
    }

    /** {@code xmlDocument} is the XML root's type; JSON gets {@code jsonDocument} (a list's bare array). */
    ResponseEntity<byte[]> answer(HttpStatus status, String format, Object xmlDocument, Object jsonDocument) {
        return answer(status, format, xmlDocument, jsonDocument, new HttpHeaders());
    }

    ResponseEntity<byte[]> answer(HttpStatus status, String format, Object xmlDocument, Object jsonDocument,
            HttpHeaders headers) {
        boolean asJson = "json".equals(format);
        try {
            byte[] body = asJson ? json.writeValueAsBytes(jsonDocument) : xml.writeValueAsBytes(xmlDocument);
            return ResponseEntity.status(status).headers(headers).contentType(asJson ? JSON : XML).body(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a GeoReport document", e);
        }
    }

    ResponseEntity<byte[]> errors(String format, HttpStatus status, List<GeoReport.Error> errors,
            HttpHeaders headers) {
        return answer(status, format, new GeoReport.Errors(errors), errors, headers);
    }

    /** The format a path asks for: its suffix; XML, the one format the standard requires, otherwise. */
    static String formatOf(String path) {
        return path != null && path.endsWith(".json") ? "json" : "xml";
    }
}
