//! The catalogue's texts for the register: terms, inspection targets, rounds,
//! groups, inspections and their milestones and activities.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! register_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            TargetsTitle => "巡察对象名录", "Register of targets";
            NewTarget => "新增巡察对象", "New target";
            EditTarget => "编辑巡察对象", "Edit target";
            FieldName => "名称", "Name";
            FieldKind => "类型", "Kind";
            FieldOrgForm => "党组织形式", "Party organisation";
            FieldTownship => "所属乡镇（街道）", "Township";
            FieldStatus => "状态", "Status";
            FieldNotes => "备注", "Notes";
            FieldDeleted => "已删除", "Deleted";
            BulkTitle => "批量录入", "Bulk entry";
            BulkHint => "每行一个名称，可直接从 Word 或 Excel 粘贴；行首编号会自动去掉。", "One name per line, pasted from Word or Excel; leading list numbers are removed.";
            BulkAdd => "批量添加", "Add all";
            BulkNothing => "没有可添加的名称。", "There are no names to add.";
            BulkDone => "已添加 {added} 个；已存在而跳过 {skipped} 个。", "Added {added}; skipped {skipped} that already exist.";
            BulkSkipped => "跳过：{names}", "Skipped: {names}";
            KindCountyPartyDept => "县直党群部门", "County party and mass department";
            KindCountyGovDept => "县直政府部门", "County government department";
            KindInstitution => "事业单位", "Public institution";
            KindStateEnterprise => "国有企业", "State enterprise";
            KindTownship => "乡镇（街道）", "Township (subdistrict)";
            KindVillage => "村", "Village";
            KindCommunity => "社区", "Community";
            FormCommittee => "党委", "Party committee";
            FormLeadingGroup => "党组", "Leading party group";
            FormWorkingCommittee => "党工委", "Working committee";
            FormGeneralBranch => "党总支", "General branch";
            FormBranch => "党支部", "Branch";
            StatusActive => "在册", "Active";
            StatusMerged => "已撤并", "Merged";

            TermsTitle => "届次", "Terms";
            NewTerm => "新增届次", "New term";
            EditTerm => "编辑届次", "Edit term";
            FieldTermName => "届次名称", "Term name";
            TermNameHint => "如：十五届", "e.g. 十五届";
            FieldStartYear => "起始年份", "First year";
            FieldEndYear => "截止年份", "Last year";

            RoundsTitle => "巡察轮次", "Rounds";
            NewRound => "新建巡察轮次", "New round";
            EditRound => "编辑巡察轮次", "Edit round";
            NeedTermFirst => "请先在“届次”中录入至少一个届次。", "Enter at least one term under “Terms” first.";
            FieldTerm => "届次", "Term";
            FieldOrdinal => "轮次（第几轮）", "Round number";
            FieldRoundKind => "巡察类型", "Kind of round";
            FieldTopic => "专项主题", "Topic";
            TopicHint => "专项巡察必填，如：人防系统", "Required for a special round, e.g. civil air defence";
            FieldStart => "开始日期", "Start date";
            FieldEnd => "结束日期", "End date";
            FieldRoundStatus => "状态", "Status";
            ColRound => "轮次", "Round";
            ColSeq => "序号", "No.";
            SignPreparer => "制表人：＿＿＿＿＿＿", "Prepared by: ____________";
            SignReviewer => "审核人：＿＿＿＿＿＿", "Reviewed by: ____________";
            SignDate => "日期：＿＿＿＿年＿＿月＿＿日", "Date: ____________";
            ColDates => "起止日期", "Dates";
            ColGroups => "巡察组", "Groups";
            ColTargets => "巡察对象", "Targets";
            RoundRegular => "常规巡察", "Regular";
            RoundSpecial => "专项巡察", "Special";
            RoundMobile => "机动巡察", "Ad hoc";
            RoundExtended => "延伸巡察", "Extended";
            RoundEscalated => "提级巡察", "Escalated";
            RoundCross => "交叉巡察", "Cross";
            RoundLookBack => "巡察“回头看”", "Look-back";
            RoundJoint => "上下联动巡察", "Joint with higher level";
            RoundUpper => "上级巡视巡察反馈", "Fed back from above";
            RoundUpperTitle => "上级巡视巡察：", "From above: ";
            FieldUpperBody => "上级巡视巡察组", "Inspecting group above";
            UpperBodyHint => "必填，如：省委第三巡视组、市委第二巡察组", "Required, e.g. Provincial Inspection Group 3";
            UpperRoundHint => "上级巡视巡察反馈的问题在此登记：添加反馈的巡视巡察组并列出被反馈的单位，问题录入台账，按本县流程整改、核验销号。它不是本县的巡察轮次，不编轮次号，不计入本县巡察的统计和覆盖。", "Problems fed back by a provincial or city inspection are entered here: add the inspecting group and the units it fed back on, enter the problems in the ledger and rectify them as the county's own. It is not one of the county's rounds: it takes no number and counts toward neither the county's statistics nor its coverage.";
            ErrUpperTopicRequired => "请填写反馈问题的上级巡视巡察组，如“省委第三巡视组”。", "Name the inspecting group above that fed back, e.g. “Provincial Inspection Group 3”.";
            ErrPlanUpperRound => "巡察计划只安排本县的巡察；上级巡视巡察反馈请在“巡察轮次”页登记。", "A plan schedules the county's own rounds; enter feedback from above on the Rounds page.";
            RoundPlanned => "计划中", "Planned";
            RoundOngoing => "进行中", "Ongoing";
            RoundFinished => "已结束", "Finished";

            GroupsTitle => "巡察组及巡察对象", "Groups and their targets";
            NewGroup => "新增巡察组", "New group";
            EditGroup => "编辑巡察组", "Edit group";
            FieldGroupName => "组名", "Group name";
            FieldLeader => "组长", "Leader";
            FieldDeputy => "副组长", "Deputy";
            FieldMembers => "组员", "Members";
            MembersHint => "多个姓名用逗号、顿号或空格分隔", "Separate names with commas or spaces";
            NoGroups => "本轮还没有巡察组。", "This round has no groups yet.";
            AssignTargets => "分配巡察对象", "Assign targets";
            AssignHint => "勾选要由本组巡察的对象。每个对象在一轮中只能分配一次。", "Tick the targets this group inspects. A target can be assigned once per round.";
            AssignSelected => "分配所选", "Assign selected";
            NothingToAssign => "没有可分配的巡察对象：在册对象都已分配到本轮。", "No targets left: every active target is already in this round.";
            Unassign => "移出本轮", "Remove from round";
            ConfirmUnassign => "将“{name}”移出本轮？其节点日期和工作量也将一并删除。", "Remove “{name}” from this round? Its dates and figures go with it.";
            InspectionTitle => "{target}：巡察情况", "{target}: inspection record";
            MilestonesTitle => "节点日期", "Milestones";
            ActivitiesTitle => "工作量", "Activity";
            SuggestDue => "按反馈后两个月填入", "Fill in: feedback + 2 months";
            ColGroup => "巡察组", "Group";
            ColTarget => "巡察对象", "Target";
            ColProgress => "进度", "Progress";
            ProgressNone => "未进驻", "Not entered";

            MsEntry => "进驻", "Entry";
            MsEnd => "巡察结束", "End of inspection";
            MsLeadingGroupReport => "向领导小组汇报", "Report to leading group";
            MsSecretaryReport => "向书记专题会汇报", "Report to secretary";
            MsFeedback => "反馈", "Feedback";
            MsTransfer => "移交", "Transfer";
            MsRectificationDue => "整改报告截止", "Rectification report due";
            MsDisclosure => "整改公开", "Rectification disclosed";
            ActCallsAndVisits => "受理来电来访（件次）", "Calls and visits received";
            ActTalks => "个别谈话（人次）", "Individual talks";
            ActBriefings => "听取专题汇报（个）", "Briefings heard";
            ActDocuments => "调阅资料（份）", "Documents read";
            ActVouchers => "查阅财务凭证（本）", "Voucher books checked";
            ActQuestionnaires => "发放调查问卷（份）", "Questionnaires handed out";
            ActFieldVisits => "走访调研（处）", "Field visits";
            ErrTargetNotInRound => "该巡察对象不在本轮巡察范围内。", "This target is not inspected in this round.";
            ReportSent => "整改报告报送日期", "Rectification report sent";
            ConfirmFutureDates => "这些日期在今天之后：{dates}。已发生的事项不应晚于今天，确定按这些日期保存吗？", "These dates are after today: {dates}. What has happened cannot lie ahead; save with these dates?";
            ReportOverdue => "整改报告逾期", "Report overdue";
        }
    };
}
