package uk.gov.dps.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * What a real SMTP server ({@code SmtpServer}: tests' shared one, or the one {@code dps up} runs) received for one
 * address, read through its HTTP API and parsed as the MIME messages they are.
 */
public final class SentMail {

    /** One delivered message: its headers, and its plain-text and HTML bodies (null when the message has none). */
    public record Mail(String messageId, String from, List<String> to, String subject, String text, String html,
            MimeMessage mime) {

        public String header(String name) {
            try {
                return mime.getHeader(name, ",");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI api;
    private final HttpClient http = HttpClient.newHttpClient();

    public SentMail(URI api) {
        this.api = api;
    }

    /** Every message delivered to {@code address} so far, oldest first. */
    public List<Mail> to(String address) {
        try {
            URI uri = api.resolve("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 && response.body().contains("not found")) {
                return List.of(); // nothing ever arrived for this address
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SMTP server API answered " + response.statusCode() + ": " + response.body());
            }
            List<Mail> mails = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(parse(message.get("mimeMessage").asText()));
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Mail parse(String raw) {
        try {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            String[] bodies = new String[2];
            collectBodies(mime, bodies);
            List<String> to = mime.getRecipients(Message.RecipientType.TO) == null ? List.of()
                    : Arrays.stream(mime.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
            String from = mime.getFrom() == null || mime.getFrom().length == 0 ? null : mime.getFrom()[0].toString();
            return new Mail(mime.getMessageID(), from, to, mime.getSubject(), bodies[0], bodies[1], mime);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("not a MIME message: " + e.getMessage(), e);
        }
    }

    private static void collectBodies(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = part.getContent().toString();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = part.getContent().toString();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectBodies(child, bodies);
            }
        }
    }
}
