package org.jixing.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadNamesTest {

    @Test
    void ordinary_names_in_any_script_pass() {
        assertThat(UploadNames.problem("花名册 2026(1).xlsx")).isEmpty();
        assertThat(UploadNames.problem("roster.v2.csv")).isEmpty();
    }

    @Test
    void control_characters_separators_and_dot_names_are_refused() {
        assertThat(UploadNames.problem("a\u0000.csv")).contains("error.fileName.control");
        assertThat(UploadNames.problem("a\r\nb.csv")).contains("error.fileName.control");
        assertThat(UploadNames.problem("../etc/passwd")).contains("error.fileName.separator");
        assertThat(UploadNames.problem("C:\\temp\\a.csv")).contains("error.fileName.separator");
        assertThat(UploadNames.problem("..")).contains("error.fileName.dots");
    }

    @Test
    void a_refused_name_is_echoed_without_its_control_characters() {
        assertThat(UploadNames.printable("a\u0000b")).isEqualTo("a\uFFFDb");
    }

}
