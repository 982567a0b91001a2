using Amazon.CDK.AWS.StepFunctions;

namespace Choreo.Orchestrator.Finisher;

/// <summary>The machine whose tasks the finisher answers, and how much of each run it logs.</summary>
public sealed record TaskFinisherProps(IStateMachine Answers, LogLevel LogLevel);
