package dev.aigcdesk.library;

/** A page of what a {@link LibraryFilter} finds: {@code limit} tasks from {@code offset}, in the filter's order. */
public record TaskQuery(LibraryFilter filter, int offset, int limit) {

    /** Everything, in one page. */
    public static final TaskQuery ALL = new TaskQuery(LibraryFilter.NONE, 0, Integer.MAX_VALUE);

    public TaskQuery {
        filter = filter == null ? LibraryFilter.NONE : filter;
        offset = Math.max(0, offset);
        limit = limit <= 0 ? Integer.MAX_VALUE : limit;
    }

    /** Everything the filter finds, in one page. */
    public static TaskQuery of(LibraryFilter filter) {
        return new TaskQuery(filter, 0, Integer.MAX_VALUE);
    }

    public TaskQuery page(int newOffset, int newLimit) {
        return new TaskQuery(filter, newOffset, newLimit);
    }

    public LibraryFilter.Sort sort() {
        return filter.sort();
    }
}
