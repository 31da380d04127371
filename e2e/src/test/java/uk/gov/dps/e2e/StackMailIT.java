package uk.gov.dps.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import uk.gov.dps.testing.SentMail;

/**
 * The SMTP server `./dps up` runs, where the services' email goes (QUARKUS_MAILER_HOST/PORT): it accepts a message
 * as a mailer sends it, and keeps it where `dps up` says to read it (RunningStack.sentMail()).
 */
class StackMailIT {

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
    }

    @Test
    void aMessageSentToTheStacksSmtpServerCanBeReadBackFromItsApi() throws Exception {
        String to = "officer-" + UUID.randomUUID() + "@cambridgeshire.example.org";
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", RunningStack.CONFIG.smtpHost());
        smtp.put("mail.smtp.port", Integer.toString(RunningStack.CONFIG.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("no-reply@dps.example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Referral R-1 needs a decision");
        message.setText("Open the referral in the DPS to decide.");
        Transport.send(message);

        List<SentMail.Mail> received = RunningStack.sentMail().to(to);

        assertEquals(1, received.size(), "messages for " + to);
        SentMail.Mail mail = received.get(0);
        assertEquals("no-reply@dps.example.org", mail.from());
        assertEquals(List.of(to), mail.to());
        assertEquals("Referral R-1 needs a decision", mail.subject());
        assertTrue(mail.text().contains("Open the referral in the DPS to decide."), mail.text());
        assertTrue(RunningStack.sentMail().to("nobody-" + UUID.randomUUID() + "@example.org").isEmpty());
    }
}
