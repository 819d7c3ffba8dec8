namespace OtSensor.Protocols.Tests.Mms;

/// <summary>Annotated MMS PDUs (ISO 9506-2) and their ISO session/presentation wrapping; byte values from the public captures where noted.</summary>
internal static class MmsVectors
{
    /// <summary>Confirmed read request (iec61850_read.pcap frame 12): vmd-specific variable "mu".</summary>
    public static readonly byte[] ReadRequest =
    [
        0xA0, 0x14,             // confirmed-RequestPDU [0]
        0x02, 0x01, 0x00,       //   invokeID 0
        0xA4, 0x0F,             //   read [4]
        0x80, 0x01, 0x00,       //     specificationWithResult FALSE
        0xA1, 0x0A,             //     variableAccessSpecification [1]
        0xA0, 0x08,             //       listOfVariable [0]
        0x30, 0x06,             //         SEQUENCE
        0xA0, 0x04,             //           name [0]
        0x80, 0x02, 0x6D, 0x75, //             vmd-specific [0] "mu"
    ];

    /// <summary>Confirmed read request with a domain-specific name (nDPI iso9506-1-mms.pcap frame 13, names shortened).</summary>
    public static readonly byte[] ReadRequestDomain =
    [
        0xA0, 0x1A,                         // confirmed-RequestPDU [0]
        0x02, 0x03, 0x04, 0xA2, 0x74,       //   invokeID 303732
        0xA4, 0x13,                         //   read [4]
        0xA1, 0x11,                         //     variableAccessSpecification [1]
        0xA0, 0x0F,                         //       listOfVariable [0]
        0x30, 0x0D,                         //         SEQUENCE
        0xA0, 0x0B,                         //           name [0]
        0xA1, 0x09,                         //             domain-specific [1]
        0x1A, 0x02, 0x4C, 0x44,             //               domainId VisibleString "LD"
        0x1A, 0x03, 0x4C, 0x4C, 0x4E,       //               itemId VisibleString "LLN"
    ];

    /// <summary>Read response with one failure (nDPI frame 14): object-non-existent.</summary>
    public static readonly byte[] ReadResponseFailure =
    [
        0xA1, 0x0C,                         // confirmed-ResponsePDU [1]
        0x02, 0x03, 0x04, 0xA2, 0x74,       //   invokeID 303732
        0xA4, 0x05,                         //   read [4]
        0xA1, 0x03,                         //     listOfAccessResult [1]
        0x80, 0x01, 0x0A,                   //       failure [0] DataAccessError 10 object-non-existent
    ];

    /// <summary>Write request (IEC61850_iec.pcap frame 19, item shortened): vmd-specific "vendor" := integer 0.</summary>
    public static readonly byte[] WriteRequest =
    [
        0xA0, 0x18,                         // confirmed-RequestPDU [0]
        0x02, 0x01, 0x00,                   //   invokeID 0
        0xA5, 0x13,                         //   write [5]
        0xA0, 0x0C,                         //     listOfVariable [0] (variableAccessSpecification, untagged CHOICE)
        0x30, 0x0A,                         //       SEQUENCE
        0xA0, 0x08,                         //         name [0]
        0x80, 0x06, 0x76, 0x65, 0x6E, 0x64, 0x6F, 0x72, // vmd-specific [0] "vendor"
        0xA0, 0x03,                         //     listOfData [0]
        0x85, 0x01, 0x00,                   //       integer [5] 0
    ];

    /// <summary>Write response: failure object-access-denied.</summary>
    public static readonly byte[] WriteResponseFailure =
    [
        0xA1, 0x08,                         // confirmed-ResponsePDU [1]
        0x02, 0x01, 0x00,                   //   invokeID 0
        0xA5, 0x03,                         //   write [5]
        0x80, 0x01, 0x03,                   //     failure [0] DataAccessError 3 object-access-denied
    ];

    /// <summary>GetNameList request for named variables of domain "LD".</summary>
    public static readonly byte[] GetNameListRequest =
    [
        0xA0, 0x10,                         // confirmed-RequestPDU [0]
        0x02, 0x01, 0x01,                   //   invokeID 1
        0xA1, 0x0B,                         //   getNameList [1]
        0xA0, 0x03,                         //     objectClass [0]
        0x80, 0x01, 0x00,                   //       basicObjectClass [0] namedVariable
        0xA1, 0x04,                         //     objectScope [1]
        0x81, 0x02, 0x4C, 0x44,             //       domainSpecific [1] "LD"
    ];

    /// <summary>GetVariableAccessAttributes request (iec61850_get_variable_access_attributes.pcap frame 12).</summary>
    public static readonly byte[] GetVariableAccessAttributesRequest =
    [
        0xA0, 0x0B,                         // confirmed-RequestPDU [0]
        0x02, 0x01, 0x00,                   //   invokeID 0
        0xA6, 0x06,                         //   getVariableAccessAttributes [6]
        0xA0, 0x04,                         //     name [0]
        0x80, 0x02, 0x6D, 0x75,             //       vmd-specific [0] "mu"
    ];

    /// <summary>Identify request: the service is a primitive NULL.</summary>
    public static readonly byte[] IdentifyRequest =
    [
        0xA0, 0x05,                         // confirmed-RequestPDU [0]
        0x02, 0x01, 0x07,                   //   invokeID 7
        0x82, 0x00,                         //   identify [2] NULL
    ];

    /// <summary>Identify response: vendor "ACME", model "IED-1", revision "1.2.3".</summary>
    public static readonly byte[] IdentifyResponse =
    [
        0xA1, 0x19,                         // confirmed-ResponsePDU [1]
        0x02, 0x01, 0x07,                   //   invokeID 7
        0xA2, 0x14,                         //   identify [2]
        0x80, 0x04, 0x41, 0x43, 0x4D, 0x45, //     vendorName [0] "ACME"
        0x81, 0x05, 0x49, 0x45, 0x44, 0x2D, 0x31, // modelName [1] "IED-1"
        0x82, 0x05, 0x31, 0x2E, 0x32, 0x2E, 0x33, // revision [2] "1.2.3"
    ];

    /// <summary>IEC 61850 report: information report on variable list "RPT" with two access results.</summary>
    public static readonly byte[] InformationReport =
    [
        0xA3, 0x15,                         // unconfirmed-PDU [3]
        0xA0, 0x13,                         //   informationReport [0]
        0xA1, 0x05,                         //     variableListName [1]
        0x80, 0x03, 0x52, 0x50, 0x54,       //       vmd-specific [0] "RPT"
        0xA0, 0x0A,                         //     listOfAccessResult [0]
        0x8A, 0x04, 0x72, 0x63, 0x62, 0x31, //       visible-string [10] "rcb1"
        0x84, 0x02, 0x06, 0x40,             //       bit-string [4]
    ];

    /// <summary>Confirmed-ErrorPDU (nDPI frame 12): invokeID 303731, errorClass access [7], code 2 (object-non-existent).</summary>
    public static readonly byte[] ConfirmedError =
    [
        0xA2, 0x0C,                         // confirmed-ErrorPDU [2]
        0x80, 0x03, 0x04, 0xA2, 0x73,       //   invokeID [0] 303731
        0xA2, 0x05,                         //   serviceError [2]
        0xA0, 0x03,                         //     errorClass [0]
        0x87, 0x01, 0x02,                   //       access [7] 2
    ];

    /// <summary>FileOpen request for "COMTRADE/1.cfg" from position 0.</summary>
    public static readonly byte[] FileOpenRequest =
    [
        0xA0, 0x1A,                         // confirmed-RequestPDU [0]
        0x02, 0x01, 0x09,                   //   invokeID 9
        0xBF, 0x48, 0x14,                   //   fileOpen [72] (high-tag form 1F 48)
        0xA0, 0x0F,                         //     fileName [0] SEQUENCE OF GraphicString
        0x19, 0x0D, 0x43, 0x4F, 0x4D, 0x54, 0x52, 0x41, 0x44, 0x45, 0x2F, 0x31, 0x2E, 0x63, 0x66, // "COMTRADE/1.cf"
        0x81, 0x01, 0x00,                   //     initialPosition [1] 0
    ];

    /// <summary>FileDelete request: the FileName is the service content itself.</summary>
    public static readonly byte[] FileDeleteRequest =
    [
        0xA0, 0x0B,                         // confirmed-RequestPDU [0]
        0x02, 0x01, 0x0A,                   //   invokeID 10
        0xBF, 0x4C, 0x05,                   //   fileDelete [76]
        0x19, 0x03, 0x61, 0x2E, 0x62,       //     GraphicString "a.b"
    ];

    /// <summary>Conclude-RequestPDU [11] NULL.</summary>
    public static readonly byte[] ConcludeRequest = [0x8B, 0x00];

    /// <summary>Initiate-RequestPDU (bare on COTP, as in mms-cancelRequest.pcap frame 8, shortened).</summary>
    public static readonly byte[] InitiateRequest =
    [
        0xA8, 0x1B,                         // initiate-RequestPDU [8]
        0x80, 0x03, 0x00, 0xFD, 0xE8,       //   localDetailCalling [0] 65000
        0x81, 0x01, 0x05,                   //   proposedMaxServOutstandingCalling [1] 5
        0x82, 0x01, 0x05,                   //   proposedMaxServOutstandingCalled [2] 5
        0x83, 0x01, 0x0A,                   //   proposedDataStructureNestingLevel [3] 10
        0xA4, 0x0B,                         //   mmsInitRequestDetail [4]
        0x80, 0x01, 0x01,                   //     proposedVersionNumber [0] 1
        0x81, 0x03, 0x05, 0xF1, 0x00,       //     proposedParameterCBB [1] BIT STRING
        0x82, 0x01, 0x00,                   //     servicesSupportedCalling [2] BIT STRING
    ];

    /// <summary>
    /// An MMS PDU in ISO session DATA: GIVE-TOKENS + DATA TRANSFER (ISO 8327-1), presentation fully-encoded-data with one
    /// PDV on context 3 (ISO 8823). Short-form lengths only: <paramref name="mms"/> must be under 120 bytes.
    /// </summary>
    public static byte[] Data(byte[] mms)
    {
        Assert.True(mms.Length < 120);
        return
        [
            0x01, 0x00,                             // GIVE-TOKENS SPDU, LI 0
            0x01, 0x00,                             // DATA TRANSFER SPDU, LI 0
            0x61, (byte)(mms.Length + 7),           // fully-encoded-data [APPLICATION 1]
            0x30, (byte)(mms.Length + 5),           //   PDV-list
            0x02, 0x01, 0x03,                       //     presentation-context-identifier 3
            0xA0, (byte)mms.Length,                 //     single-ASN1-type [0]
            .. mms,
        ];
    }

    /// <summary>
    /// CONNECT SPDU carrying CP-type → AARQ → EXTERNAL → <paramref name="mms"/> (the initiate request), as an
    /// IEC 61850 client sends it. <paramref name="mms"/> must be under 60 bytes.
    /// </summary>
    public static byte[] Connect(byte[] mms)
    {
        Assert.True(mms.Length < 60);
        int external = 3 + 2 + mms.Length;       // indirect-reference + [0]
        int aarq = 9 + 2 + 2 + external;          // application-context-name + user-information + EXTERNAL
        int pdv = 3 + 2 + 2 + aarq;               // PDV-list content: context id + single-ASN1-type + AARQ
        int fullyEncoded = 2 + pdv;
        int normal = 2 + fullyEncoded;
        int cp = 5 + 2 + normal;
        return
        [
            0x0D, (byte)(8 + 2 + 2 + cp),           // CONNECT SPDU, LI
            0x05, 0x06,                             //   Connect/Accept Item PGI
            0x13, 0x01, 0x00,                       //     Protocol Options 0
            0x16, 0x01, 0x02,                       //     Version Number 2
            0xC1, (byte)(2 + cp),                   //   User Data PGI
            0x31, (byte)cp,                         //     CP-type SET
            0xA0, 0x03, 0x80, 0x01, 0x01,           //       mode-selector [0] normal-mode
            0xA2, (byte)normal,                     //       normal-mode-parameters [2]
            0x61, (byte)fullyEncoded,               //         user-data fully-encoded-data [APPLICATION 1]
            0x30, (byte)pdv,                        //           PDV-list
            0x02, 0x01, 0x01,                       //             presentation-context-identifier 1 (ACSE)
            0xA0, (byte)(aarq + 2),                 //             single-ASN1-type [0]
            0x60, (byte)aarq,                       //               AARQ [APPLICATION 0]
            0xA1, 0x07, 0x06, 0x05, 0x28, 0xCA, 0x22, 0x02, 0x03, // application-context-name 1.0.9506.2.3
            0xBE, (byte)(external + 2),             //                 user-information [30]
            0x28, (byte)external,                   //                   EXTERNAL
            0x02, 0x01, 0x03,                       //                     indirect-reference 3 (MMS context)
            0xA0, (byte)mms.Length,                 //                     single-ASN1-type [0]
            .. mms,
        ];
    }
}
