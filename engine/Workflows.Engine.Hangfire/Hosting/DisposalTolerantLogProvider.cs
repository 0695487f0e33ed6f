using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using LogLevel = Hangfire.Logging.LogLevel;

namespace Workflows.Engine.Hangfire.Hosting;

/// <summary>
/// Hangfire's logging through the host's <see cref="ILoggerFactory"/>, surviving that factory's disposal.
/// </summary>
/// <remarks>
/// Hangfire 1.8 keeps one log provider per process, and each host that configures Hangfire takes it
/// over. When that host is disposed while another keeps running (integration tests start a host per
/// test class), every Hangfire log call in the survivor — even constructing its storage — would throw
/// ObjectDisposedException from the dead host's factory. Here such a call logs nothing instead.
/// </remarks>
internal sealed class DisposalTolerantLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name) => new TolerantLog(_inner, name);

    private sealed class TolerantLog(AspNetCoreLogProvider provider, string name) : ILog
    {
        private ILog? _log;

        public bool Log(LogLevel logLevel, Func<string> messageFunc, Exception? exception = null)
        {
            try
            {
                _log ??= provider.GetLogger(name);
                return _log.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
