package uk.gov.dps.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The shared SMTP server really accepts mail over SMTP, and SentMail reads back both bodies of what it kept. */
class SentMailTest {

    @Test
    void aMessageSentOverSmtpIsReadBackWithItsPlainTextAndHtmlBodies() throws Exception {
        var smtp = SharedInfrastructure.smtp();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("dps@notifications.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("referrals@sent-mail.example"));
        message.setSubject("New referral: respond by 5pm");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Respond by 5pm.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Respond by <strong>5pm</strong>.</p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message);

        SentMail sentMail = new SentMail(smtp.api());
        var received = sentMail.to("referrals@sent-mail.example");
        assertThat(received).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("New referral: respond by 5pm");
            assertThat(mail.from()).isEqualTo("dps@notifications.example");
            assertThat(mail.text()).isEqualTo("Respond by 5pm.");
            assertThat(mail.html()).contains("<strong>5pm</strong>");
        });
        assertThat(sentMail.to("nobody@sent-mail.example")).isEmpty();
    }
}
