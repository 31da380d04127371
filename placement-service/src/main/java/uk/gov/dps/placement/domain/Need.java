package uk.gov.dps.placement.domain;

/** The fixed vocabulary of a child's needs in a referral (no free text: referrals must hold the minimum). */
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
