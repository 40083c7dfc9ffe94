package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.WindowOpener;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Lets picocli build commands with their dependencies passed to the constructor. */
final class CommandFactory implements CommandLine.IFactory {

    private final SessionFactory sessions;
    private final WindowOpener windows;

    CommandFactory(SessionFactory sessions, WindowOpener windows) {
        this.sessions = sessions;
        this.windows = windows;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            Constructor<K> c = cls.getDeclaredConstructor(SessionFactory.class, WindowOpener.class);
            return c.newInstance(sessions, windows);
        } catch (NoSuchMethodException notBoth) {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(SessionFactory.class);
                return c.newInstance(sessions);
            } catch (NoSuchMethodException noInjection) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
