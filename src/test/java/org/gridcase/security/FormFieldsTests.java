package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which variables a form's fields write, read from the forms the processes use. */
class FormFieldsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFormWritesItsFieldsKeys() throws IOException {
        assertThat(fieldsOf("CheckInForm")).containsExactly("checkInNote");
        assertThat(fieldsOf("BlowWhistleForm")).containsExactlyInAnyOrder("mediationChosen", "mediationReason",
                "consultationMeeting", "departments", "leadDepartment", "whistleNote");
    }

    @Test
    void aDynamicListWritesOneVariableUnderItsPathNotItsRowsFields() throws IOException {
        // the meeting's commitments: rows of party, task and deadline, inside a layout group without a path
        assertThat(fieldsOf("RecordMeetingForm")).containsExactlyInAnyOrder("attendees", "minutes", "commitmentRows");
    }

    private static Set<String> fieldsOf(String form) throws IOException {
        Set<String> fields = new HashSet<>();
        FormFields.collect(JSON.readTree(Path.of("forms", form + ".form").toFile()).path("components"), fields);
        return fields;
    }
}
