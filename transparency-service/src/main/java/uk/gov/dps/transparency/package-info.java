/**
 * Open data from the platform's events, read without sign-in: OCDS release and record packages, Local Government
 * Transparency Code files per council, and the Procurement Act 2023 notices a dynamic market owes. Nothing about a
 * child is kept or published.
 */
package uk.gov.dps.transparency;
