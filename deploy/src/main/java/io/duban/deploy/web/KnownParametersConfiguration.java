package io.duban.deploy.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Installs {@link KnownParametersInterceptor} in front of every controller. */
@Configuration(proxyBeanMethods = false)
public class KnownParametersConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownParametersInterceptor());
    }
}
