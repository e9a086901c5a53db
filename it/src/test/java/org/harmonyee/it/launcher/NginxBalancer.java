package org.harmonyee.it.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/**
 * nginx (Debian's nginx-light) as the load balancer in front of gateway nodes, configured as an
 * operator would: round robin over kept-alive connections, a node that refuses or drops a
 * connection marked down for a while, and a request that could not reach a node (nothing of its
 * answer received) passed to the next one. nginx does that for a request that is not idempotent
 * only if it could not be sent at all; one sent to a node that then died is answered 502.
 * A process of the test's own (not the system service), stopped with SIGTERM.
 */
final class NginxBalancer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path folder;

    private NginxBalancer(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    static NginxBalancer start(Path folder, List<Integer> nodePorts) throws Exception {
        Files.createDirectories(folder.resolve("temp"));
        int port = LaunchedGateway.freePort();
        String nodes = nodePorts.stream().map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=30s;")
                .collect(Collectors.joining("\n"));
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Path config = Files.writeString(folder.resolve("nginx.conf"), user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/temp/body;
                  proxy_temp_path %1$s/temp/proxy;
                  fastcgi_temp_path %1$s/temp/fastcgi;
                  uwsgi_temp_path %1$s/temp/uwsgi;
                  scgi_temp_path %1$s/temp/scgi;
                  upstream gateway {
                %2$s
                    keepalive 32;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://gateway;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_next_upstream error timeout;
                      proxy_connect_timeout 2s;
                      proxy_read_timeout 60s;
                      client_body_buffer_size 1m;
                    }
                  }
                }
                """.formatted(folder, nodes, port));
        Process process = new ProcessBuilder("nginx", "-p", folder + "/", "-c", config.toString(), "-e",
                folder.resolve("error.log").toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("stdout.log").toFile()).start();
        NginxBalancer balancer = new NginxBalancer(process, port, folder);
        ListeningPort.await("nginx", process, port, Duration.ofSeconds(20),
                () -> balancer.read("stdout.log") + balancer.read("error.log"));
        return balancer;
    }

    int port() {
        return port;
    }

    private String read(String log) throws IOException {
        Path file = folder.resolve(log);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
