#!/usr/bin/env bash
# The integration tests whose outcome depends on today, run with the server's clock a year ahead
# (peakline.clock.offset, allowed in the test profile only; libfaketime cannot be used, it hangs the embedded
# PostgreSQL): filing deadlines and unfiled lists, targets' warnings, tokens and sessions, 碳普惠 expiry, recompute jobs,
# monitoring's days and quality. Usage: tools/shifted-its.sh [P365D]
set -euo pipefail
cd "$(dirname "$0")/.."
OFFSET="${1:-P365D}"
SHIFTED="FilingWorkflowIT,AnalystBrowserIT,SteeringIT,TokenIT,SecurityIT,UsersIT,InclusionBrowserIT,FactorSetIT"
SHIFTED="$SHIFTED,MethodChangeIT,MonitoringIT,MonitoringPlanIT,DashboardIT,AnnualReportIT,RegistryIT,HardeningIT"
SHIFTED="$SHIFTED,AttachmentIT,RoadmapIT,RoleMatrixIT,OutletBrowserIT"
exec mvn -B -ntp -pl peakline-app -am verify -Dpeakline.clock.offset="$OFFSET" -Dspotless.check.skip=true \
  -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$SHIFTED" -Dit.failIfNoSpecifiedTests=false
