package nl.leefwereld.platform.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes an unexpected exception for the log without its messages: database and parser messages quote the
 * offending values (a BSN in a unique-key violation, a name in a JSON error), and logs must never hold those.
 */
final class SafeDescription {

    private SafeDescription() {
    }

    /** The chain of exception types and, for each, the first Leefwereld frame: enough to find the bug. */
    static String of(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String where = "";
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("nl.leefwereld.")) {
                    where = " at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                    break;
                }
            }
            parts.add(t.getClass().getName() + where);
        }
        return String.join(" <- caused by ", parts);
    }
}
