/** Notifications for people (email, in-app) and signed webhooks for partner councils' systems, from events. */
package uk.gov.dps.notification;
