using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BreathPacing.Web.Tests.Browser;

namespace BreathPacing.Web.Tests.Support;

/// <summary>
/// A real redis-server of the tests' own, on a free loopback port with a temporary directory, stopped (and the directory
/// removed) on dispose. Debian's redis-server is used (installed here when missing and permitted, as the browser tests
/// install Chromium; CI installs it up front); REDIS_SERVER_PATH names another. Its data is written to an append-only
/// file on every change, so <see cref="Kill"/> then <see cref="Start"/> is an outage the sessions survive.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly Lazy<string> Executable = new(Locate);
    private readonly string _directory = Directory.CreateTempSubdirectory("breathpacing-redis-").FullName;
    private Process? _process;

    public RedisServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            try
            {
                Start();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port first: try another.
            }
        }
    }

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Connection => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the server (again, on the same port and data) and waits until it answers.</summary>
    public void Start()
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory,
            "--save", string.Empty, "--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no", "--protected-mode", "yes",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at once (exit code {process.ExitCode}) on port {Port}.");
            }

            try
            {
                if (Command("PING") == "PONG")
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }
            catch (IOException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                Kill();
                throw new InvalidOperationException($"redis-server on port {Port} did not answer within 20 s.");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the server at once, as a crash would (its data is on disk).</summary>
    public void Kill()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Sends one command and returns its reply as text (an integer, a status, or a bulk string).</summary>
    public string Command(params string[] arguments)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, Port);
        using var stream = client.GetStream();
        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        stream.Write(Encoding.UTF8.GetBytes(request.ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = reader.ReadLine() ?? throw new IOException("No reply.");
        switch (line[0])
        {
            case '$':
                var length = int.Parse(line[1..], System.Globalization.CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return string.Empty;
                }

                var buffer = new char[length];
                var read = 0;
                while (read < length)
                {
                    read += reader.Read(buffer, read, length - read);
                }

                return new string(buffer);
            case '-':
                throw new InvalidOperationException("Redis: " + line[1..]);
            default:
                return line[1..];
        }
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("REDIS_SERVER_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new MissingToolException($"REDIS_SERVER_PATH = '{configured}': no such file.");
        }

        var tools = new SystemTools();
        if (tools.FindOnPath("redis-server") is { } found || tools.FileExists("/usr/bin/redis-server") && (found = "/usr/bin/redis-server") is not null)
        {
            return found;
        }

        tools.InstallDebianPackages(["redis-server"], "The Redis session store tests");
        return tools.FindOnPath("redis-server") ?? "/usr/bin/redis-server";
    }
}
