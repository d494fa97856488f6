package dev.peakline.app.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's mosquitto broker on a free loopback port, for tests; stopped when the JVM exits. */
public final class Mosquitto {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port;

    private Mosquitto(int port) {
        this.port = port;
    }

    public static Mosquitto startIfInstalled() {
        if (!Files.isExecutable(BINARY)) {
            return null;
        }
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path dir = Files.createTempDirectory("mosquitto");
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(
                    conf,
                    String.join(
                            "\n",
                            "listener " + port + " 127.0.0.1",
                            "allow_anonymous true",
                            "persistence false",
                            "max_inflight_messages 1000",
                            "max_queued_messages 100000",
                            ""));
            Process p = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    return new Mosquitto(port);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            p.destroy();
            throw new IllegalStateException("mosquitto did not start; see " + dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }
}
