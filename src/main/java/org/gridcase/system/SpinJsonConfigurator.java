package org.gridcase.system;

import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;

/** Configures Camunda's JSON variable format; found by Spin through META-INF/services. */
public class SpinJsonConfigurator implements DataFormatConfigurator<JacksonJsonDataFormat> {

    @Override
    public Class<JacksonJsonDataFormat> getDataFormatClass() {
        return JacksonJsonDataFormat.class;
    }

    @Override
    public void configure(JacksonJsonDataFormat format) {
        format.addTypeDetector(new PlainListTypeDetector());
    }
}
