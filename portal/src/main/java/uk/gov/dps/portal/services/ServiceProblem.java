package uk.gov.dps.portal.services;

/**
 * A service refused or failed a call (HTTP 4xx/5xx) with a problem: the portal turns it into a page for people,
 * never a stack trace ({@code ErrorPages}).
 */
public class ServiceProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final transient Problem problem;

    public ServiceProblem(String service, int status, Problem problem) {
        super(service + " answered HTTP " + status + (problem == null || problem.detail() == null ? ""
                : ": " + problem.detail()), null, false, false);
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The service's problem, or null when it sent none (e.g. a 401 from its OIDC layer). */
    public Problem problem() {
        return problem;
    }
}
