package io.duban.query.view;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;

/** Declares every view's indexes once the beans exist, before the event processors start. */
@Component
public class ViewIndexInitializer implements SmartInitializingSingleton {

    private final List<ProjectedView> views;

    public ViewIndexInitializer(List<ProjectedView> views) {
        this.views = views;
    }

    @Override
    public void afterSingletonsInstantiated() {
        views.forEach(ProjectedView::createIndexes);
    }
}
