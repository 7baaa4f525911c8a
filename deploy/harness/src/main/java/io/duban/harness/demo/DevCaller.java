package io.duban.harness.demo;

import io.duban.command.api.Actor;

/**
 * Who is calling a developer endpoint of the demo: the logged-in account ({@link DevCallerConfiguration}), kept apart
 * so that the endpoints need not know how people log in.
 */
@FunctionalInterface
public interface DevCaller {

    Actor current();
}
