package uk.gov.dps.events.placement;

/**
 * The fixed vocabulary of a child's needs in a referral (no free text: referrals must hold the minimum), shared by
 * what a setting's Statement of Purpose says it can meet.
 */
public enum Need {
    EMOTIONAL_BEHAVIOURAL,
    LEARNING_DISABILITY,
    AUTISM,
    COMPLEX_MENTAL_HEALTH,
    SEXUALLY_HARMFUL_BEHAVIOUR,
    CHILD_SEXUAL_EXPLOITATION,
    MISSING_EPISODES,
    SUBSTANCE_MISUSE,
    PHYSICAL_DISABILITY,
    MEDICAL,
    EDUCATION_SUPPORT,
    PARENT_AND_CHILD,
    UNACCOMPANIED_ASYLUM_SEEKER
}
