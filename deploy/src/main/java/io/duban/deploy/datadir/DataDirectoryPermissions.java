package io.duban.deploy.datadir;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/**
 * Keeps {@code duban.data-dir} owner-only ({@link OwnerOnly}). The directory is created 0700 before any bean exists,
 * so H2, the views' file and the audit keys are born inside it; once the application is up, the files they created
 * (with the process umask, usually 0644) are set to 0600. Files left from an earlier start are tightened first.
 */
@Component
public class DataDirectoryPermissions implements BeanFactoryPostProcessor, EnvironmentAware,
        ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryPermissions.class);

    private Path directory;

    @Override
    public void setEnvironment(Environment environment) {
        this.directory = Path.of(environment.getProperty("duban.data-dir", "./data")).toAbsolutePath().normalize();
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!OwnerOnly.supported()) {
            log.warn("The file system has no POSIX permissions: restrict access to {} by other means", directory);
            return;
        }
        OwnerOnly.createDirectory(directory);
        OwnerOnly.tighten(directory);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (OwnerOnly.supported()) {
            OwnerOnly.tighten(directory);
        }
    }
}
