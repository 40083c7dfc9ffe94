package dev.aigcdesk.sync;

import dev.aigcdesk.domain.TaskId;
import java.util.List;

/**
 * What one polling round did.
 *
 * @param refused tasks whose query the service refused for the key (401, AuthFailure)
 */
public record PollReport(int asked, int changed, int failed, List<TaskId> refused, boolean offline) {

    public static final PollReport NOTHING = new PollReport(0, 0, 0, List.of(), false);

    public PollReport {
        refused = List.copyOf(refused);
    }

    /** Every query of the round was refused: the key itself is wrong. */
    public boolean keyRejected() {
        return asked > 0 && refused.size() == asked;
    }
}
