namespace OtSensor.Analysis.Detection;

/// <summary>Takes an alert the user marked as authorized (the Learn triage action) into the baseline.</summary>
public interface IAlertLearner
{
    void Learn(Alert alert);
}
