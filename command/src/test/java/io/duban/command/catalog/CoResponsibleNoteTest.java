package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoResponsibleNoteTest {

    private final CoResponsibleNote note = new CoResponsibleNote();

    @Test
    void the_city_every_task_involves_is_responsible_through_its_government() {
        // when
        var unit = note.unitName("说明：因每项任务均涉及呼和浩特市，在责任单位中未单独列出。");

        // then
        assertThat(unit).contains("呼和浩特市人民政府");
    }

    @Test
    void a_note_that_already_names_a_government_is_taken_as_written() {
        // when
        var unit = note.unitName("注：各项任务都涉及包头市人民政府，责任单位中未列出。");

        // then
        assertThat(unit).contains("包头市人民政府");
    }

    @Test
    void a_note_about_something_else_names_no_unit() {
        // when
        var unit = note.unitName("说明：排名不分先后。");

        // then
        assertThat(unit).isEmpty();
    }

    @Test
    void no_note_names_no_unit() {
        // when
        var unit = note.unitName("");

        // then
        assertThat(unit).isEmpty();
    }
}
