namespace OtSensor.Protocols.Mms;

/// <summary>MMSpdu CHOICE alternatives (ISO 9506-2 §7.1): the context tag number of the outer element.</summary>
public enum MmsPduType
{
    None = -1,
    ConfirmedRequest = 0,
    ConfirmedResponse = 1,
    ConfirmedError = 2,
    Unconfirmed = 3,
    Reject = 4,
    CancelRequest = 5,
    CancelResponse = 6,
    CancelError = 7,
    InitiateRequest = 8,
    InitiateResponse = 9,
    InitiateError = 10,
    ConcludeRequest = 11,
    ConcludeResponse = 12,
    ConcludeError = 13,
}
