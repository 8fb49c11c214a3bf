// The Defender advanced-hunting tables, as data. Source: ../shared/reference/mde-schema.md
// (MicrosoftDocs/defender-docs). Each table is its doc column list in doc order, one
// `Name` or `Name:type` token per column; a bare name is `string`. The `+Family` tokens
// splice a shared column family in place, to keep the long InitiatingProcess* runs readable.
//
// JSON-bearing columns (AdditionalFields, LoggedOnUsers, IPAddresses, ...) are `dynamic`.
// The Defender portal documents them as `string` holding JSON, Sentinel/Log Analytics as
// `dynamic`. We type them dynamic because (a) the issue requires querying them as dynamic
// values, (b) real 2026 exports come through Sentinel, and (c) Kusto's parse_json/todynamic
// on a dynamic value is the identity, so portal-style `parse_json(AdditionalFields)` still
// works, as do `AdditionalFields.x`, `AdditionalFields["x"]` and `tostring(AdditionalFields)`.

export const FAMILIES: Readonly<Record<string, string>> = {
  IPAccount: `InitiatingProcessAccountDomain InitiatingProcessAccountName InitiatingProcessAccountSid
    InitiatingProcessAccountUpn InitiatingProcessAccountObjectId`,
  IPVersionInfo: `InitiatingProcessVersionInfoCompanyName InitiatingProcessVersionInfoProductName
    InitiatingProcessVersionInfoProductVersion InitiatingProcessVersionInfoInternalFileName
    InitiatingProcessVersionInfoOriginalFileName InitiatingProcessVersionInfoFileDescription`,
  IPRemoteSession: `InitiatingProcessSessionId:long IsInitiatingProcessRemoteSession:bool
    InitiatingProcessRemoteSessionDeviceName InitiatingProcessRemoteSessionIP`,
  // Logon/Registry/ImageLoad share this ordering of the initiating-process family.
  IPCommon: `+IPAccount InitiatingProcessIntegrityLevel InitiatingProcessTokenElevation
    InitiatingProcessSHA1 InitiatingProcessSHA256 InitiatingProcessMD5 InitiatingProcessFileName
    InitiatingProcessFileSize:long +IPVersionInfo InitiatingProcessId:long InitiatingProcessCommandLine
    InitiatingProcessCreationTime:datetime InitiatingProcessFolderPath InitiatingProcessParentId:long
    InitiatingProcessParentFileName InitiatingProcessParentCreationTime:datetime`,
};

export const TABLE_SPECS: Readonly<Record<string, string>> = {
  DeviceProcessEvents: `Timestamp:datetime DeviceId DeviceName ActionType FileName FolderPath SHA1 SHA256 MD5
    FileSize:long ProcessVersionInfoCompanyName ProcessVersionInfoProductName ProcessVersionInfoProductVersion
    ProcessVersionInfoInternalFileName ProcessVersionInfoOriginalFileName ProcessVersionInfoFileDescription
    ProcessId:long ProcessCommandLine ProcessIntegrityLevel ProcessTokenElevation ProcessCreationTime:datetime
    AccountDomain AccountName AccountSid AccountUpn AccountObjectId LogonId:long
    +IPAccount InitiatingProcessLogonId:long InitiatingProcessIntegrityLevel InitiatingProcessTokenElevation
    InitiatingProcessSHA1 InitiatingProcessSHA256 InitiatingProcessMD5 InitiatingProcessFileName
    InitiatingProcessFileSize:long +IPVersionInfo InitiatingProcessId:long InitiatingProcessCommandLine
    InitiatingProcessCreationTime:datetime InitiatingProcessFolderPath InitiatingProcessParentId:long
    InitiatingProcessParentFileName InitiatingProcessParentCreationTime:datetime
    InitiatingProcessSignerType InitiatingProcessSignatureStatus ReportId:long AppGuardContainerId
    AdditionalFields:dynamic +IPRemoteSession CreatedProcessSessionId:long IsProcessRemoteSession:bool
    ProcessRemoteSessionDeviceName ProcessRemoteSessionIP`,

  DeviceFileEvents: `Timestamp:datetime DeviceId DeviceName ActionType FileName FolderPath SHA1 SHA256 MD5
    FileOriginUrl FileOriginReferrerUrl FileOriginIP PreviousFolderPath PreviousFileName FileSize:long
    +IPAccount InitiatingProcessMD5 InitiatingProcessSHA1 InitiatingProcessSHA256 InitiatingProcessFolderPath
    InitiatingProcessFileName InitiatingProcessFileSize:long +IPVersionInfo InitiatingProcessId:long
    InitiatingProcessCommandLine InitiatingProcessCreationTime:datetime InitiatingProcessIntegrityLevel
    InitiatingProcessTokenElevation InitiatingProcessParentId:long InitiatingProcessParentFileName
    InitiatingProcessParentCreationTime:datetime RequestProtocol RequestSourceIP RequestSourcePort:int
    RequestAccountName RequestAccountDomain RequestAccountSid ShareName SensitivityLabel SensitivitySubLabel
    IsAzureInfoProtectionApplied:bool ReportId:long AppGuardContainerId AdditionalFields:dynamic +IPRemoteSession`,

  DeviceNetworkEvents: `Timestamp:datetime DeviceId DeviceName ActionType RemoteIP RemotePort:int RemoteUrl
    LocalIP LocalPort:int Protocol LocalIPType RemoteIPType InitiatingProcessSHA1 InitiatingProcessSHA256
    InitiatingProcessMD5 InitiatingProcessFileName InitiatingProcessFileSize:long +IPVersionInfo
    InitiatingProcessId:long InitiatingProcessCommandLine InitiatingProcessCreationTime:datetime
    InitiatingProcessFolderPath InitiatingProcessParentFileName InitiatingProcessParentId:long
    InitiatingProcessParentCreationTime:datetime +IPAccount InitiatingProcessIntegrityLevel
    InitiatingProcessTokenElevation ReportId:long AppGuardContainerId AdditionalFields:dynamic +IPRemoteSession`,

  DeviceEvents: `Timestamp:datetime DeviceId DeviceName ActionType FileName FolderPath SHA1 SHA256 MD5
    FileSize:long AccountDomain AccountName AccountSid RemoteUrl RemoteDeviceName ProcessId:long
    ProcessCommandLine ProcessCreationTime:datetime ProcessTokenElevation LogonId:long RegistryKey
    RegistryValueName RegistryValueData RemoteIP RemotePort:int LocalIP LocalPort:int FileOriginUrl
    FileOriginIP InitiatingProcessSHA1 InitiatingProcessSHA256 InitiatingProcessMD5 InitiatingProcessFileName
    InitiatingProcessFileSize:long InitiatingProcessFolderPath InitiatingProcessId:long
    InitiatingProcessCommandLine InitiatingProcessCreationTime:datetime +IPAccount +IPVersionInfo
    InitiatingProcessParentId:long InitiatingProcessParentFileName InitiatingProcessParentCreationTime:datetime
    InitiatingProcessLogonId:long ReportId:long AppGuardContainerId AdditionalFields:dynamic +IPRemoteSession
    CreatedProcessSessionId:long IsProcessRemoteSession:bool ProcessRemoteSessionDeviceName ProcessRemoteSessionIP`,

  DeviceLogonEvents: `Timestamp:datetime DeviceId DeviceName ActionType LogonType AccountDomain AccountName
    AccountSid Protocol FailureReason IsLocalAdmin:bool LogonId:long RemoteDeviceName RemoteIP RemoteIPType
    RemotePort:int +IPCommon ReportId:long AppGuardContainerId AdditionalFields:dynamic +IPRemoteSession`,

  DeviceRegistryEvents: `Timestamp:datetime DeviceId DeviceName ActionType RegistryKey RegistryValueType
    RegistryValueName RegistryValueData PreviousRegistryKey PreviousRegistryValueName PreviousRegistryValueData
    +IPCommon ReportId:long AppGuardContainerId +IPRemoteSession`,

  DeviceImageLoadEvents: `Timestamp:datetime DeviceId DeviceName ActionType FileName FolderPath SHA1 SHA256 MD5
    FileSize:long +IPCommon ReportId:long AppGuardContainerId +IPRemoteSession`,

  DeviceInfo: `Timestamp:datetime DeviceId DeviceName ClientVersion PublicIP OSArchitecture OSPlatform
    OSBuild:long IsAzureADJoined:bool JoinType AadDeviceId LoggedOnUsers:dynamic RegistryDeviceTag OSVersion
    MachineGroup ReportId:long OnboardingStatus AdditionalFields:dynamic DeviceCategory DeviceType
    DeviceSubtype Model Vendor OSDistribution OSVersionInfo MergedDeviceIds MergedToDeviceId
    IsInternetFacing:bool SensorHealthState IsExcluded:bool ExclusionReason ExposureLevel AssetValue
    DeviceManualTags DeviceDynamicTags ConnectivityType HostDeviceId AzureResourceId AwsResourceName
    GcpFullResourceName`,

  DeviceNetworkInfo: `Timestamp:datetime DeviceId DeviceName NetworkAdapterName MacAddress NetworkAdapterType
    NetworkAdapterStatus TunnelType ConnectedNetworks:dynamic DnsAddresses:dynamic IPv4Dhcp IPv6Dhcp
    DefaultGateways:dynamic IPAddresses:dynamic ReportId:long NetworkAdapterVendor`,

  DeviceFileCertificateInfo: `Timestamp:datetime DeviceId DeviceName SHA1 IsSigned:bool SignatureType Signer
    SignerHash Issuer IssuerHash CertificateSerialNumber CrlDistributionPointUrls:dynamic
    CertificateCreationTime:datetime CertificateExpirationTime:datetime CertificateCountersignatureTime:datetime
    IsTrusted:bool IsRootSignerMicrosoft:bool ReportId:long`,
};

/** Added by Sentinel / Log Analytics to every table (MachineGroup is also native to DeviceInfo). */
export const SENTINEL_SPEC = 'TimeGenerated:datetime TenantId Type SourceSystem MachineGroup';
