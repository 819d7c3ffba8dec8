using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>FTP control connection (RFC 959 §4.1.1 USER/PASS/QUIT, §4.2 replies 220, 331, 530, 230, 221): credentials in clear.</summary>
public static class FtpTraffic
{
    public const ushort Port = 21;

    /// <summary>Greeting, then one login attempt per password (530 for wrong ones, 230 for the right one), then QUIT.</summary>
    public static Timestamp Login(TcpConnection tcp, Timestamp at, string user, IReadOnlyList<string> passwords, string correct, Random random)
    {
        ArgumentNullException.ThrowIfNull(tcp);
        ArgumentNullException.ThrowIfNull(passwords);
        var t = tcp.Open(at, Talk.Rtt);
        t = tcp.Send(t.Add(TimeSpan.FromMilliseconds(2)), fromClient: false, Ascii("220 Microsoft FTP Service\r\n"));
        foreach (var password in passwords)
        {
            t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(150)), Ascii($"USER {user}\r\n"), Ascii($"331 Password required for {user}.\r\n"), Talk.ServerDelay(random), Talk.Rtt);
            bool ok = password == correct;
            t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(150)), Ascii($"PASS {password}\r\n"),
                Ascii(ok ? "230 User logged in.\r\n" : "530 User cannot log in.\r\n"), TimeSpan.FromMilliseconds(ok ? 5 : 400), Talk.Rtt);
            if (ok) break;
        }
        t = tcp.Exchange(t.Add(TimeSpan.FromMilliseconds(200)), Ascii("QUIT\r\n"), Ascii("221 Goodbye.\r\n"), Talk.ServerDelay(random), Talk.Rtt);
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(5)), Talk.Rtt);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
