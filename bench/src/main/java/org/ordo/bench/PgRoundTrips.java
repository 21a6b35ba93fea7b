package org.ordo.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP proxy in front of PostgreSQL that counts round trips: every Sync (extended protocol) and Query (simple
 * protocol) message a client sends ends a request the client then waits for, so their number is the number of
 * round trips, however many statements a batch or a pipeline carries. The count is written to {@code --counts}
 * a few times a second, for the script to read before and after a load.
 */
final class PgRoundTrips {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    private static final LongAdder ROUND_TRIPS = new LongAdder();

    private PgRoundTrips() {}

    static int run(Bench.Args args) throws Exception {
        int listen = args.integer("listen", 0);
        int target = args.integer("target", 0);
        Path counts = Path.of(args.get("counts"));
        Thread writer = new Thread(() -> writeCounts(counts), "counts");
        writer.setDaemon(true);
        writer.start();
        try (ServerSocket server = new ServerSocket(listen, 200, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket client = server.accept();
                Socket postgres;
                try {
                    postgres = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException e) {
                    client.close(); // the driver sees the refusal as it would without the proxy
                    continue;
                }
                client.setTcpNoDelay(true);
                postgres.setTcpNoDelay(true);
                start(() -> countRequests(client, postgres));
                start(() -> copyAnswers(postgres, client));
            }
        }
    }

    private static void start(Runnable pump) {
        Thread t = new Thread(pump);
        t.setDaemon(true);
        t.start();
    }

    private static void writeCounts(Path counts) {
        Path next = counts.resolveSibling(counts.getFileName() + ".next");
        while (true) {
            try {
                Files.writeString(next, ROUND_TRIPS.sum() + "\n", StandardCharsets.US_ASCII);
                Files.move(next, counts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(100);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    /** Client to server: the untyped start-up messages, then typed messages (a type byte and a length). */
    private static void countRequests(Socket client, Socket postgres) {
        try (client;
                postgres) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream(), 1 << 16));
            OutputStream out = new BufferedOutputStream(postgres.getOutputStream(), 1 << 16);
            boolean started = false;
            while (!started) {
                int length = in.readInt();
                int code = in.readInt();
                writeInt(out, length);
                writeInt(out, code);
                copy(in, out, length - 8);
                out.flush();
                started = code != SSL_REQUEST && code != GSS_REQUEST && code != CANCEL_REQUEST;
            }
            int type;
            while ((type = in.read()) >= 0) {
                int length = in.readInt();
                out.write(type);
                writeInt(out, length);
                copy(in, out, length - 4);
                if (type == 'S' || type == 'Q') {
                    ROUND_TRIPS.increment();
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the connection ended; nothing to count any more
        }
    }

    private static void copyAnswers(Socket postgres, Socket client) {
        try (postgres;
                client) {
            InputStream in = postgres.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the connection ended
        }
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void copy(DataInputStream in, OutputStream out, int length) throws IOException {
        byte[] buffer = new byte[Math.min(Math.max(length, 0), 1 << 16)];
        int left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, Math.min(left, buffer.length));
            if (n < 0) {
                throw new IOException("connection closed inside a message");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
