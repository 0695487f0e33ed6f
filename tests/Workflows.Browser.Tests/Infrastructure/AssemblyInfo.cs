// Each test class runs a host and a Chromium of its own; on the two cores of these machines two of
// them at once starve each other into timeouts, so the classes run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
