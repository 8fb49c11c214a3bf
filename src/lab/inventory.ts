// Inventory rows: what DeviceInfo and DeviceNetworkInfo report for a lab device each time
// Defender takes a snapshot (hourly and every six hours in the lab's background).
import type { DeviceCtx } from './device.js';

export const DNS_SERVER = '10.10.0.10';

export function deviceInfo(ctx: DeviceCtx, _day: number): Record<string, string | number | boolean | null> {
  const d = ctx.dev;
  return {
    ClientVersion: '10.8760.22621.1234',
    PublicIP: d.publicIp,
    OSArchitecture: '64-bit',
    OSPlatform: 'Windows11',
    OSBuild: 22631,
    IsAzureADJoined: true,
    JoinType: 'Hybrid Azure AD Join',
    AadDeviceId: d.aadDeviceId,
    LoggedOnUsers: JSON.stringify([
      { UserName: d.user.accountName, DomainName: d.user.domain.toUpperCase(), Sid: d.user.sid },
    ]),
    RegistryDeviceTag: '',
    OSVersion: '10.0',
    MachineGroup: d.machineGroup,
    OnboardingStatus: 'Onboarded',
    AdditionalFields: null,
    DeviceCategory: 'Endpoint',
    DeviceType: 'Workstation',
    DeviceSubtype: '',
    Model: 'Latitude 7440',
    Vendor: 'Dell Inc.',
    OSDistribution: '',
    OSVersionInfo: '23H2',
    MergedDeviceIds: '',
    MergedToDeviceId: '',
    IsInternetFacing: null,
    SensorHealthState: 'Active',
    IsExcluded: false,
    ExclusionReason: '',
    ExposureLevel: 'Medium',
    AssetValue: 'Normal',
    DeviceManualTags: '',
    DeviceDynamicTags: '',
    ConnectivityType: 'Streamlined',
    HostDeviceId: '',
    AzureResourceId: '',
    AwsResourceName: '',
    GcpFullResourceName: '',
    AppGuardContainerId: '',
  };
}

export function networkInfo(ctx: DeviceCtx): Record<string, string | number | boolean | null> {
  const d = ctx.dev;
  return {
    NetworkAdapterName: 'Ethernet',
    MacAddress: d.mac,
    NetworkAdapterType: 'Ethernet',
    NetworkAdapterStatus: 'Up',
    TunnelType: 'None',
    ConnectedNetworks: JSON.stringify([
      { Name: 'corp.contoso.com', Category: 'Domain', Description: 'corp.contoso.com', IsConnectedToInternet: true },
    ]),
    DnsAddresses: JSON.stringify([DNS_SERVER, '10.10.0.11']),
    IPv4Dhcp: '10.10.0.2',
    IPv6Dhcp: '',
    DefaultGateways: JSON.stringify([d.ip.replace(/\.\d+$/, '.1')]),
    IPAddresses: JSON.stringify([{ IPAddress: d.ip, SubnetPrefix: 24, AddressType: 'Private' }]),
    NetworkAdapterVendor: 'Intel Corporation',
  };
}
