package org.harmonyee.it.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The OHIF viewer's built dist served by nginx as a site serves it: its own {@code app-config.js}
 * in place of the bundled one (written into nginx's configuration, which the master process reads:
 * its workers may run as another user than the test, who cannot enter the test's folder), every
 * other path a file of the dist or, for the viewer's routes, {@code index.html}. Started in a folder
 * of the test's, stopped at {@link #close()}.
 */
final class StaticViewer implements AutoCloseable {

    private final Process nginx;
    private final Path folder;

    private StaticViewer(Process nginx, Path folder) {
        this.nginx = nginx;
        this.folder = folder;
    }

    /**
     * @param dist      the OHIF dist folder
     * @param appConfig the viewer's {@code window.config} script
     */
    static StaticViewer start(Path folder, Path dist, int port, String appConfig) throws IOException, InterruptedException {
        Files.createDirectories(folder.resolve("logs"));
        if (appConfig.contains("$")) {
            throw new IllegalArgumentException("app-config.js is written into nginx.conf, where $ starts a variable");
        }
        Files.writeString(folder.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                        location = /app-config.js {
                            default_type application/javascript;
                            return 200 "%4$s";
                        }
                        location / { try_files $uri $uri/ /index.html; }
                    }
                }
                """.formatted(folder, port, dist, appConfig.replace("\\", "\\\\").replace("\"", "\\\"")),
                StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", folder.toString(), "-c",
                folder.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("logs/console.log").toFile()).start();
        StaticViewer viewer = new StaticViewer(process, folder);
        viewer.awaitListening(port);
        return viewer;
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!nginx.isAlive()) {
                    throw new IllegalStateException("nginx exited with " + nginx.exitValue() + ": "
                            + Files.readString(folder.resolve("logs/console.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s");
    }

    /** nginx's access log: every request the browser made for the viewer's files. */
    String accessLog() throws IOException {
        Path log = folder.resolve("logs/access.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        nginx.destroy();
        if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
            nginx.destroyForcibly();
        }
    }
}
