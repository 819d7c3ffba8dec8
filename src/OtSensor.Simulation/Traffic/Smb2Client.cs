using System.Buffers.Binary;
using System.Text;
using OtSensor.Core.Time;
using OtSensor.Simulation.Wire;

namespace OtSensor.Simulation.Traffic;

/// <summary>
/// An SMB2 client on TCP 445 (MS-SMB2: §2.1 Direct TCP transport, §2.2.1.2 sync header; dialect 3.0.2): NEGOTIATE,
/// SESSION_SETUP with NTLMSSP in SPNEGO (two rounds, the first answered STATUS_MORE_PROCESSING_REQUIRED), TREE_CONNECT
/// to a disk share, CREATE / READ / CLOSE of one file, TREE_DISCONNECT and LOGOFF.
/// </summary>
/// <remarks>
/// <code>
/// NBSS   | 00 | length (3) |
/// SMB2   | FE 'S' 'M' 'B' | 64 (2) | credit charge (2) | status (4) | command (2) | credits (2) | flags (4) | next (4) |
///        | message id (8) | process id (4) | tree id (4) | session id (8) | signature (16) | body (StructureSize first) |
/// </code>
/// The sensor does not decode SMB: these frames are IT background that tshark dissects and the tests check there.
/// </remarks>
public sealed class Smb2Client(TcpConnection tcp, Random random)
{
    public const ushort Port = 445;
    private const ushort Negotiate = 0, SessionSetup = 1, Logoff = 2, TreeConnect = 3, TreeDisconnect = 4, Create = 5, Close = 6, Read = 8;
    private const uint MoreProcessingRequired = 0xC0000016;
    private ulong _messageId;
    private ulong _sessionId;
    private uint _treeId;
    private readonly uint _processId = (uint)random.Next(0x100, 0xFFFF);

    public TcpConnection Connection => tcp;

    /// <summary>TCP handshake and NEGOTIATE (2.0.2 to 3.0.2 offered, 3.0.2 chosen; the server hints NTLMSSP).</summary>
    public Timestamp Connect(Timestamp at)
    {
        var t = tcp.Open(at, Talk.Rtt);
        var request = new byte[36 + 8];
        BinaryPrimitives.WriteUInt16LittleEndian(request, 36);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(2), 4);                 // dialect count
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(4), 1);                 // signing enabled
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), 0x7F);              // capabilities
        random.NextBytes(request.AsSpan(12, 16));                                       // client GUID
        ushort[] dialects = [0x0202, 0x0210, 0x0300, 0x0302];
        for (int i = 0; i < dialects.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(36 + (2 * i)), dialects[i]);
        var hints = Ntlmssp.ServerHints();
        var response = new byte[64 + hints.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(response, 65);
        BinaryPrimitives.WriteUInt16LittleEndian(response.AsSpan(2), 1);                // signing enabled
        BinaryPrimitives.WriteUInt16LittleEndian(response.AsSpan(4), 0x0302);           // dialect
        random.NextBytes(response.AsSpan(8, 16));                                       // server GUID
        BinaryPrimitives.WriteUInt32LittleEndian(response.AsSpan(24), 0x2F);            // DFS, leasing, large MTU, multi-channel, directory leasing
        BinaryPrimitives.WriteUInt32LittleEndian(response.AsSpan(28), 8 * 1024 * 1024); // max transact, read, write
        BinaryPrimitives.WriteUInt32LittleEndian(response.AsSpan(32), 8 * 1024 * 1024);
        BinaryPrimitives.WriteUInt32LittleEndian(response.AsSpan(36), 8 * 1024 * 1024);
        Ntlmssp.FileTime(at).CopyTo(response, 40);                                      // system time
        BinaryPrimitives.WriteUInt16LittleEndian(response.AsSpan(56), 128);             // security buffer offset
        BinaryPrimitives.WriteUInt16LittleEndian(response.AsSpan(58), (ushort)hints.Length);
        hints.CopyTo(response, 64);
        return Exchange(t.Add(TimeSpan.FromMilliseconds(1)), Negotiate, request, 0, response);
    }

    /// <summary>SESSION_SETUP twice: NTLM NEGOTIATE → CHALLENGE (more processing; the session id is assigned), AUTHENTICATE → success.</summary>
    public Timestamp Login(Timestamp at, string domain, string user, string dnsDomain)
    {
        _sessionId = ((ulong)(uint)random.Next(1, int.MaxValue) << 16) | 0x0005;
        var t = Exchange(at, SessionSetup, SessionSetupRequest(Ntlmssp.Negotiate()), MoreProcessingRequired,
            SessionSetupResponse(Ntlmssp.Challenge(domain, tcp.Server.Name, dnsDomain, at, random)));
        return Exchange(t.Add(TimeSpan.FromMilliseconds(1)), SessionSetup, SessionSetupRequest(Ntlmssp.Authenticate(domain, user, tcp.Client.Name, at, random)), 0,
            SessionSetupResponse(Ntlmssp.Accepted()));
    }

    /// <summary>TREE_CONNECT to <c>\\server\share</c>: a disk share with full access.</summary>
    public Timestamp ConnectShare(Timestamp at, string share)
    {
        var path = Encoding.Unicode.GetBytes($@"\\{tcp.Server.Name}\{share}");
        var request = new byte[8 + path.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(request, 9);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(4), 72);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(6), (ushort)path.Length);
        path.CopyTo(request, 8);
        _treeId = (uint)random.Next(1, 16);
        var response = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(response, 16);
        response[2] = 0x01;                                                             // disk share
        BinaryPrimitives.WriteUInt32LittleEndian(response.AsSpan(12), 0x001F01FF);      // maximal access
        return Exchange(at, TreeConnect, request, 0, response);
    }

    /// <summary>CREATE (open an existing file for reading), READ of its <paramref name="length"/> bytes, CLOSE.</summary>
    public Timestamp ReadFile(Timestamp at, string path, int length)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Encoding.Unicode.GetBytes(path);
        var create = new byte[56 + name.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(create, 57);
        BinaryPrimitives.WriteUInt32LittleEndian(create.AsSpan(4), 2);                  // impersonation
        BinaryPrimitives.WriteUInt32LittleEndian(create.AsSpan(24), 0x00120089);        // read data, attributes, EAs, control, synchronize
        BinaryPrimitives.WriteUInt32LittleEndian(create.AsSpan(32), 0x1);               // share read
        BinaryPrimitives.WriteUInt32LittleEndian(create.AsSpan(36), 0x1);               // FILE_OPEN
        BinaryPrimitives.WriteUInt32LittleEndian(create.AsSpan(40), 0x40);              // non-directory file
        BinaryPrimitives.WriteUInt16LittleEndian(create.AsSpan(44), 120);
        BinaryPrimitives.WriteUInt16LittleEndian(create.AsSpan(46), (ushort)name.Length);
        name.CopyTo(create, 56);
        var fileId = new byte[16];
        random.NextBytes(fileId);
        var created = new byte[88];
        BinaryPrimitives.WriteUInt16LittleEndian(created, 89);
        BinaryPrimitives.WriteUInt32LittleEndian(created.AsSpan(4), 1);                 // FILE_OPENED
        var written = Ntlmssp.FileTime(at.Add(TimeSpan.FromDays(-3)));
        for (int i = 0; i < 4; i++) written.CopyTo(created, 8 + (8 * i));               // creation, access, write, change
        BinaryPrimitives.WriteInt64LittleEndian(created.AsSpan(40), (length + 4095) & ~4095);
        BinaryPrimitives.WriteInt64LittleEndian(created.AsSpan(48), length);
        BinaryPrimitives.WriteUInt32LittleEndian(created.AsSpan(56), 0x20);             // archive
        fileId.CopyTo(created, 64);
        var t = Exchange(at, Create, create, 0, created);

        var read = new byte[49];
        BinaryPrimitives.WriteUInt16LittleEndian(read, 49);
        read[2] = 0x50;                                                                 // padding: data at offset 80
        BinaryPrimitives.WriteUInt32LittleEndian(read.AsSpan(4), (uint)length);
        fileId.CopyTo(read, 16);
        var data = new byte[16 + length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, 17);
        data[2] = 0x50;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), (uint)length);
        random.NextBytes(data.AsSpan(16));
        t = Exchange(t.Add(TimeSpan.FromMilliseconds(1)), Read, read, 0, data);

        var close = new byte[24];
        BinaryPrimitives.WriteUInt16LittleEndian(close, 24);
        fileId.CopyTo(close, 8);
        var closed = new byte[60];
        BinaryPrimitives.WriteUInt16LittleEndian(closed, 60);
        return Exchange(t.Add(TimeSpan.FromMilliseconds(1)), Close, close, 0, closed);
    }

    /// <summary>TREE_DISCONNECT, LOGOFF, TCP close.</summary>
    public Timestamp Disconnect(Timestamp at)
    {
        var t = Exchange(at, TreeDisconnect, Empty(), 0, Empty());
        _treeId = 0;
        t = Exchange(t.Add(TimeSpan.FromMilliseconds(1)), Logoff, Empty(), 0, Empty());
        return tcp.Close(t.Add(TimeSpan.FromMilliseconds(1)), Talk.Rtt);
    }

    private static byte[] Empty() => [0x04, 0x00, 0x00, 0x00];

    private static byte[] SessionSetupRequest(byte[] token)
    {
        var body = new byte[24 + token.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 25);
        body[3] = 0x01;                                                                 // signing enabled
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), 0x1);                  // DFS
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), 88);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)token.Length);
        token.CopyTo(body, 24);
        return body;
    }

    private static byte[] SessionSetupResponse(byte[] token)
    {
        var body = new byte[8 + token.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 9);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4), 72);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(6), (ushort)token.Length);
        token.CopyTo(body, 8);
        return body;
    }

    private Timestamp Exchange(Timestamp at, ushort command, byte[] request, uint status, byte[] response)
    {
        ulong id = _messageId++;
        return tcp.Exchange(at, Message(command, id, 0, request, response: false), Message(command, id, status, response, response: true),
            Talk.ServerDelay(random), Talk.Rtt);
    }

    /// <summary>NBSS length prefix, the 64-byte sync header, then the body.</summary>
    private byte[] Message(ushort command, ulong messageId, uint status, byte[] body, bool response)
    {
        var m = new byte[4 + 64 + body.Length];
        int length = 64 + body.Length;
        m[1] = (byte)(length >> 16);
        m[2] = (byte)(length >> 8);
        m[3] = (byte)length;
        var h = m.AsSpan(4);
        h[0] = 0xFE;
        "SMB"u8.CopyTo(h[1..]);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], 1);                            // credit charge
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], status);
        BinaryPrimitives.WriteUInt16LittleEndian(h[12..], command);
        BinaryPrimitives.WriteUInt16LittleEndian(h[14..], (ushort)(response ? 32 : 31)); // credits granted / requested
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], response ? 1u : 0u);          // SMB2_FLAGS_SERVER_TO_REDIR
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], messageId);
        BinaryPrimitives.WriteUInt32LittleEndian(h[32..], _processId);
        BinaryPrimitives.WriteUInt32LittleEndian(h[36..], command is TreeConnect && !response ? 0 : _treeId);
        BinaryPrimitives.WriteUInt64LittleEndian(h[40..], command == Negotiate || (command == SessionSetup && !response && messageId == 1) ? 0 : _sessionId);
        body.CopyTo(m, 68);
        return m;
    }
}
