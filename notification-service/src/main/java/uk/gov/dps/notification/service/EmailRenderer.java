package uk.gov.dps.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.notification.config.EmailConfig;
import uk.gov.dps.notification.domain.NotificationKind;

/**
 * An email from a notification: {@code templates/email/notification.txt} and {@code .html} (GOV.UK plain style:
 * a heading, a short paragraph, one link). The From address is {@code quarkus.mailer.from}.
 */
@ApplicationScoped
public class EmailRenderer {

    @Inject
    @Location("email/notification.txt")
    Template text;

    @Inject
    @Location("email/notification.html")
    Template html;

    @Inject
    EmailConfig config;

    Mail render(EmailSender.Claimed delivery) {
        String link = config.linkBase().replaceAll("/+$", "") + delivery.link();
        String why = NotificationKind.valueOf(delivery.kind()).description();
        Mail mail = Mail.withText(delivery.address(), delivery.title(),
                text.data("title", delivery.title()).data("body", delivery.body()).data("link", link)
                        .data("why", why).render())
                .setHtml(html.data("title", delivery.title()).data("body", delivery.body()).data("link", link)
                        .data("why", why).render());
        config.replyTo().ifPresent(mail::setReplyTo);
        return mail;
    }
}
