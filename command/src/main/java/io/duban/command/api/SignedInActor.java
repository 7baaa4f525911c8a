package io.duban.command.api;

/**
 * The person signed in to the current web request, as the {@link Actor} the events record. For edges that must
 * decide per person (a unit reads only its own 佐证材料) without knowing how accounts are kept.
 */
public interface SignedInActor {

    /** Fails when nobody is signed in: only called behind the security chain. */
    Actor get();
}
