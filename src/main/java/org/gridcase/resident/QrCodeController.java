package org.gridcase.resident;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.gridcase.system.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The QR code a grid or community prints on its notice board: it opens the report page with the grid filled in.
 * A community's code points to its first grid (the report is placed by the point the resident gives anyway; the
 * grid only says where the code hung). Public: it holds nothing but the page's address.
 */
@Tag(name = "居民 · Residents")
@RestController
class QrCodeController {

    private final UnitService units;
    private final ResidentLinks links;

    QrCodeController(UnitService units, ResidentLinks links) {
        this.units = units;
        this.links = links;
    }

    @Operation(summary = "网格或社区的扫码上报二维码（PNG） · QR code of a grid or community's report page (PNG)")
    @GetMapping(path = "/api/resident/qr/{unitCode}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable("unitCode") String unitCode) throws WriterException, IOException {
        String grid = gridOf(unitCode);
        var matrix = new QRCodeWriter().encode(links.reportPage(grid), BarcodeFormat.QR_CODE, 600, 600,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(png.toByteArray());
    }

    private String gridOf(String unitCode) {
        NotFoundException unknown = new NotFoundException("网格或社区 " + unitCode + " 不存在");
        if (unitCode == null || !unitCode.matches("\\d{12}|\\d{15}")) {
            throw unknown;
        }
        UnitView unit;
        try {
            unit = units.get(unitCode);
        } catch (NotFoundException e) {
            throw unknown;
        }
        if (unit.level() == UnitLevel.GRID) {
            return unit.code();
        }
        List<UnitView> grids = units.list(UnitLevel.GRID, unit.code());
        if (unit.level() != UnitLevel.COMMUNITY || grids.isEmpty()) {
            throw unknown;
        }
        return grids.get(0).code();
    }
}
