package org.jixing.supervision;

import java.time.LocalDate;

/** A task to add to a case. */
public record NewTask(CaseTask.Kind kind, String assignee, LocalDate dueOn) {
}
