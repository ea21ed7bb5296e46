package org.hotplugemu.distribution.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.jar.Manifest;

/**
 * The class loader of one plugin jar: its parent shows only the JDK and the plugin API
 * ({@link SpiOnlyClassLoader}), and every class it defines goes through {@link ExitRewriter} so
 * that the plugin cannot end the emulator. Its classes are in this loader's unnamed module, which
 * can use only what the emulator's named modules export to everyone: the API packages.
 */
final class PluginClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final URL jarUrl;
    private final String plugin;
    private volatile Manifest manifest;

    PluginClassLoader(Path jar, ClassLoader host) throws MalformedURLException {
        super(jar.getFileName().toString(), new URL[] {jar.toUri().toURL()}, new SpiOnlyClassLoader(host));
        this.jarUrl = jar.toUri().toURL();
        String file = jar.getFileName().toString();
        this.plugin = "plugin '" + (file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file) + "' (" + file + ")";
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        URL resource = findResource(name.replace('.', '/') + ".class");
        if (resource == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = resource.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": " + e.getMessage(), e);
        }
        byte[] rewritten;
        try {
            rewritten = ExitRewriter.rewrite(bytes, plugin);
        } catch (RuntimeException e) {
            // Unreadable for ASM (e.g. a class file newer than it knows): not defined unchecked.
            throw new ClassFormatError(plugin + ": cannot check " + name + " for System.exit calls: " + e);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
            definePackage(name.substring(0, dot), manifest(), jarUrl);
        }
        return defineClass(name, rewritten, 0, rewritten.length, new CodeSource(jarUrl, (CodeSigner[]) null));
    }

    private Manifest manifest() {
        Manifest known = manifest;
        if (known == null) {
            known = new Manifest();
            URL url = findResource("META-INF/MANIFEST.MF");
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    known = new Manifest(in);
                } catch (IOException e) {
                    // No manifest attributes for the package then.
                }
            }
            manifest = known;
        }
        return known;
    }
}
