package io.duban.command.calendar;

import io.duban.command.api.calendar.WorkingCalendar;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@link WorkingCalendar} bean (Axon passes it to aggregate handlers that declare it as a parameter), read from
 * {@code duban.calendar.location}. An unreadable or invalid file fails start-up with the list of bad lines.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    public WorkingCalendar workingCalendar(CalendarProperties properties, ResourceLoader resources) {
        CsvWorkingCalendar calendar = load(resources.getResource(properties.location()), properties.location());
        log.info("Loaded the {}", calendar);
        return calendar;
    }

    static CsvWorkingCalendar load(Resource resource, String location) {
        try (InputStream in = resource.getInputStream()) {
            return CsvWorkingCalendar.read(in, location);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("Working calendar not found at duban.calendar.location=" + location, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the working calendar at duban.calendar.location="
                    + location, e);
        }
    }
}
