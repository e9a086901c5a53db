package org.harmonyee.dicom.net.tls;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Makes TLS sockets from a {@link TlsConfig}: client sockets over a connected socket, and server sockets. */
public final class DicomTls {

    private final SSLContext context;
    private final String[] protocols;
    private final boolean needClientAuth;

    private DicomTls(SSLContext context, String[] protocols, boolean needClientAuth) {
        this.context = context;
        this.protocols = protocols;
        this.needClientAuth = needClientAuth;
    }

    /** Loads the stores; a wrong password or file is an exception naming the store. */
    public static DicomTls of(TlsConfig config) throws IOException, GeneralSecurityException {
        KeyManager[] keyManagers = null;
        if (config.keyStore() != null) {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(config.keyStore(), config.storeType(), config.keyStorePassword()), config.keyStorePassword());
            keyManagers = keys.getKeyManagers();
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(config.trustStore(), config.storeType(), config.trustStorePassword()));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trust.getTrustManagers(), null);
        return new DicomTls(context, config.protocols().toArray(String[]::new), config.needClientAuth());
    }

    private static KeyStore load(Path file, String type, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** Layers TLS over a connected socket and completes the handshake (the socket's timeout applies). */
    public Socket client(Socket connected, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        socket.setEnabledProtocols(protocols);
        socket.setUseClientMode(true);
        socket.startHandshake();
        return socket;
    }

    /** An unbound server socket; the handshake of each accepted connection happens on its first read. */
    public ServerSocket serverSocket() throws IOException {
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.setEnabledProtocols(protocols);
        server.setNeedClientAuth(needClientAuth);
        return server;
    }

    /** The protocol a TLS socket negotiated, or null for a plain socket. */
    public static String protocol(Socket socket) {
        return socket instanceof SSLSocket secure ? secure.getSession().getProtocol() : null;
    }
}
