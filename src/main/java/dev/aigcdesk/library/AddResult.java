package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import java.util.List;

/** What adding ids did: the new ones and those the ledger already had. */
public record AddResult(List<TaskId> added, List<TaskId> alreadyPresent) {}
