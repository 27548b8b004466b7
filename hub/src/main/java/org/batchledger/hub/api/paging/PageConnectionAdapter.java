package org.batchledger.hub.api.paging;

import java.util.Collection;
import org.batchledger.lineage.store.Page;
import org.springframework.graphql.data.pagination.ConnectionAdapter;

/** Lets controllers return a lineage {@link Page}; Spring renders it as a Relay connection. */
final class PageConnectionAdapter implements ConnectionAdapter {
    @Override
    public boolean supports(Class<?> containerType) {
        return Page.class.isAssignableFrom(containerType);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Collection<T> getContent(Object container) {
        return (Collection<T>) ((Page<?>) container).items();
    }

    @Override
    public boolean hasPrevious(Object container) {
        return ((Page<?>) container).hasPrevious();
    }

    @Override
    public boolean hasNext(Object container) {
        return ((Page<?>) container).hasNext();
    }

    @Override
    public String cursorAt(Object container, int index) {
        return Paging.cursor(((Page<?>) container).keys().get(index));
    }
}
