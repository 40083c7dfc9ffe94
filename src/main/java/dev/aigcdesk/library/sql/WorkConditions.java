package dev.aigcdesk.library.sql;

/** What a library's work is read by, for an engine's own statements (a team's leases): one rule each, here. */
public final class WorkConditions {

    private WorkConditions() {}

    /** The condition (on {@code task t}) of tasks still followed: the one rule {@code activeTasks} reads by. */
    public static String followed() {
        return SearchSql.ACTIVE.where.replaceFirst("^ WHERE ", "");
    }

    /** The condition (on {@code output_file f} of {@code task t}) of files waiting to be saved. */
    public static String unsaved() {
        return FileQueries.unsavedCondition();
    }
}
