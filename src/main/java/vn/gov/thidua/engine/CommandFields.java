package vn.gov.thidua.engine;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.interceptor.Command;

/** Reads a command's input, which the engine keeps in protected fields, for the guards that look at it first. */
final class CommandFields {

    private CommandFields() {
    }

    /** If a new engine version renames a field, the guard fails closed rather than letting the command pass. */
    static Object read(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException notHere) {
                // declared higher up (ResolveTaskCmd keeps CompleteTaskCmd's fields)
            } catch (IllegalAccessException unreadable) {
                break;
            }
        }
        throw new IllegalStateException("The engine's " + command.getClass().getSimpleName() + " has no field " + name
                + "; the engine's guards must be adapted to this engine version");
    }
}
