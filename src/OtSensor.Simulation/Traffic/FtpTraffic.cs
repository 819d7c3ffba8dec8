using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Engine;
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

    /// <summary>
    /// A logged-in upload: PASV (227 with the data port, RFC 959 §4.1.2), STOR on the control connection, the file
    /// over a second TCP connection to that port, 226 when it is complete, then QUIT.
    /// </summary>
    public static Timestamp Upload(Simulator sim, TcpConnection control, Timestamp at, string user, string password, string fileName, int bytes, Random random)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(random);
        var t = control.Open(at, Talk.Rtt);
        t = control.Send(t.Add(TimeSpan.FromMilliseconds(2)), fromClient: false, Ascii("220 FTP server ready\r\n"));
        t = control.Exchange(t.Add(TimeSpan.FromMilliseconds(50)), Ascii($"USER {user}\r\n"), Ascii($"331 Password required for {user}.\r\n"), Talk.ServerDelay(random), Talk.Rtt);
        t = control.Exchange(t.Add(TimeSpan.FromMilliseconds(50)), Ascii($"PASS {password}\r\n"), Ascii("230 User logged in.\r\n"), Talk.ServerDelay(random), Talk.Rtt);
        t = control.Exchange(t.Add(TimeSpan.FromMilliseconds(20)), Ascii("TYPE I\r\n"), Ascii("200 Type set to I.\r\n"), Talk.ServerDelay(random), Talk.Rtt);
        ushort dataPort = (ushort)random.Next(20000, 30000);
        uint a = control.Server.Address;
        t = control.Exchange(t.Add(TimeSpan.FromMilliseconds(20)), Ascii("PASV\r\n"),
            Ascii($"227 Entering Passive Mode ({a >> 24},{(a >> 16) & 0xFF},{(a >> 8) & 0xFF},{a & 0xFF},{dataPort >> 8},{dataPort & 0xFF}).\r\n"), Talk.ServerDelay(random), Talk.Rtt);
        t = control.Exchange(t.Add(TimeSpan.FromMilliseconds(20)), Ascii($"STOR {fileName}\r\n"), Ascii("150 Opening BINARY mode data connection.\r\n"), Talk.ServerDelay(random), Talk.Rtt);
        var data = new TcpConnection(sim, control.Client, control.Client.NextEphemeralPort(), control.Server, dataPort, random);
        var d = data.Open(t.Add(TimeSpan.FromMilliseconds(1)), Talk.Rtt);
        var image = new byte[bytes];
        random.NextBytes(image);
        for (int offset = 0; offset < bytes; offset += 16 * TcpConnection.MaximumSegment)
        {
            int chunk = Math.Min(16 * TcpConnection.MaximumSegment, bytes - offset);
            d = data.Send(d.Add(TimeSpan.FromMilliseconds(1)), fromClient: true, image.AsSpan(offset, chunk));
            d = data.Acknowledge(d.Add(Talk.Rtt), fromClient: false);
        }
        d = data.Close(d.Add(TimeSpan.FromMilliseconds(2)), Talk.Rtt);
        t = control.Send(d.Add(TimeSpan.FromMilliseconds(5)), fromClient: false, Ascii("226 Transfer complete.\r\n"));
        t = control.Exchange(t.Add(TimeSpan.FromMilliseconds(50)), Ascii("QUIT\r\n"), Ascii("221 Goodbye.\r\n"), Talk.ServerDelay(random), Talk.Rtt);
        return control.Close(t.Add(TimeSpan.FromMilliseconds(5)), Talk.Rtt);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
