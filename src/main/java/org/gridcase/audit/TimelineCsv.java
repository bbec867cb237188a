package org.gridcase.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.stereotype.Component;

/**
 * A timeline as CSV for the archive: one row an event, the details as a JSON column so that nothing is lost and
 * the columns stay the same for every case. UTF-8 with a byte-order mark, so that spreadsheet programs read the
 * Chinese text as such.
 */
@Component
class TimelineCsv {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json;
    private final CsvSchema schema = CsvSchema.builder()
            .addColumn("at").addColumn("kind").addColumn("label").addColumn("actor").addColumn("actorName")
            .addColumn("activityId").addColumn("activityName").addColumn("text").addColumn("details").build().withHeader();

    TimelineCsv(ObjectMapper json) {
        this.json = json;
    }

    private record Row(String at, String kind, String label, String actor, String actorName, String activityId,
            String activityName, String text, String details) {
    }

    String write(List<TimelineEvent> events) {
        StringWriter out = new StringWriter();
        try (SequenceWriter rows = csv.writerFor(Row.class).with(schema).writeValues(out)) {
            rows.writeAll(events.stream().map(this::row).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the timeline as CSV", e);
        }
        return BYTE_ORDER_MARK + out;
    }

    private Row row(TimelineEvent event) {
        try {
            return new Row(String.valueOf(event.at()), event.kind(), event.label(), event.actor(), event.actorName(),
                    event.activityId(), event.activityName(), event.text(),
                    json.writeValueAsString(event.details()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the details of " + event, e);
        }
    }
}
