//! The catalogue's texts for 巡察计划: the annual and five-year plans, their
//! planned rounds, starting a round from the plan, and plan against actual.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! plan_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            KindPlan => "巡察计划", "inspection plan";
            ColPlan => "计划", "Plan";
            NavPlans => "巡察计划", "Plans";
            PlansTitle => "巡察计划", "Inspection plans";
            NewPlan => "新建巡察计划", "New plan";
            EditPlan => "编辑巡察计划", "Edit plan";
            NoPlans => "还没有巡察计划。年初制定年度巡察工作计划，届初制定五年规划。", "There is no plan yet. Make the annual plan at the start of a year and the five-year plan at the start of a term.";
            PlanSpanYear => "年度计划", "Annual plan";
            PlanSpanTerm => "五年规划", "Five-year plan";
            FieldPlanSpan => "计划类型", "Plan type";
            FieldPlanYear => "年度", "Year";
            PlanPartCountyUnits => "县直单位", "county units";
            PlanPartEnterprises => "县属企业", "county enterprises";
            PlanPartTownships => "乡镇（街道）", "townships";
            PlanPartVillages => "村（社区）", "villages and communities";
            PlannedRoundsTitle => "轮次安排", "Planned rounds";
            NoPlannedRounds => "还没有安排轮次。", "No round is planned yet.";
            NewPlannedRound => "添加计划轮次", "Add a planned round";
            EditPlannedRound => "编辑计划轮次", "Edit planned round";
            PlannedRoundHeading => "计划第{n}轮", "Planned round {n}";
            FieldGroupsCount => "巡察组数", "Groups";
            FieldPlanStart => "计划开始", "Planned start";
            FieldPlanEnd => "计划结束", "Planned end";
            ColGroupNo => "巡察组", "Group";
            ColPlannedRounds => "计划轮次", "Planned rounds";
            ColPlannedTargets => "计划巡察对象", "Planned targets";
            ColStartedRounds => "已启动轮次", "Rounds started";
            ChooseTargets => "选择巡察对象", "Choose targets";
            PlanChooseHint => "默认列出本届尚未巡察、也未列入本计划其他轮次的对象；勾选后为每个对象选定巡察组。", "Listed first are the targets this term has not inspected and no other round of this plan names; tick them and choose each one's group.";
            ShowCovered => "也列出本届已巡察或已列入其他轮次的对象", "Also list targets already inspected this term or planned in another round";
            ChosenCount => "已选 {n} 个", "{n} chosen";
            CoveredMark => "本届已巡察", "inspected this term";
            PlannedElsewhereMark => "已列入其他轮次", "in another round";
            StartRound => "启动本轮", "Start this round";
            ConfirmStartRound => "将按计划新建“{title}”，含{groups}个巡察组、{targets}个巡察对象。之后在轮次页面登记组长、组员和进度。确定启动吗？", "This creates “{title}” with {groups} groups and {targets} targets as planned; record leaders, members and progress on the round's page. Start it?";
            RoundStarted => "已按计划启动本轮巡察。", "The round was started as planned.";
            StartedAs => "已启动：", "Started: ";
            NotStarted => "未启动", "Not started";
            RemoveChosen => "去掉", "Take out";
            PlanVsActual => "计划执行情况", "Plan against actual";
            ColPlanned => "计划", "Planned";
            ColActual => "实际", "Actual";
            ColPlannedDone => "计划内已巡察", "Planned and inspected";
            ColDoneRate => "完成率", "Done";
            RowRounds => "巡察轮次", "Rounds";
            RowTargetsAll => "巡察对象合计", "Targets in all";
            PlanTextPlanned => "{scope}计划开展{rounds}轮巡察{targets}。", "{scope}, the plan is to hold {rounds} rounds{targets}.";
            PlanTextTargets => "，对{list}进行巡察监督", " inspecting {list}";
            PlanTextActual => "实际开展{rounds}轮巡察{targets}；计划内的{planned}个巡察对象已巡察{done}个，完成计划的{rate}%。", "{rounds} rounds were held{targets}; {done} of the {planned} planned targets were inspected, {rate}% of the plan.";
            PlanTextActualOnly => "实际开展{rounds}轮巡察{targets}。", "{rounds} rounds were held{targets}.";
            PlanTextPartJia => "{n}家{name}", "{n} {name}";
            PlanTextPartGe => "{n}个{name}", "{n} {name}";
            PlanTextAnd => "和", " and ";
            PlanTermScope => "本届县委（{term}）", "This term ({term})";
            PlanYearScope => "{year}年", "In {year}";
            StatsGroupPlan => "巡察计划执行", "The plan";
            StatsPlanRounds => "计划轮次", "Rounds planned";
            StatsPlanTargets => "计划巡察对象", "Targets planned";
            StatsPlanDone => "计划内已巡察对象", "Planned targets inspected";
            ErrPlanYearRequired => "请填写计划年度。", "Enter the plan's year.";
            ErrPlanYearOutsideTerm => "计划年度不在所选届次的年份之内。", "The year lies outside the chosen term.";
            ErrPlanTaken => "所选届次的这一年度（或五年规划）已有巡察计划，请直接编辑它。", "There is already a plan for this year (or this term); edit that one.";
            ErrNotesTooLong => "备注不能超过 4000 字。", "The notes may have 4,000 characters at most.";
            ErrPlannedStartOutside => "计划时间应在本计划的年度（五年规划为本届）之内。", "The planned time must lie within the plan's year (the term, for a five-year plan).";
            ErrPlannedGroups => "巡察组数应为 1 至 20。", "A round has 1 to 20 groups.";
            ErrPlannedTargetGroup => "有巡察对象的巡察组超出了本轮的巡察组数。", "A target is given a group beyond the round's number of groups.";
            ErrPlannedTargetTwice => "同一巡察对象在本轮中列了两次。", "A target is listed twice in this round.";
            ErrPlanStartNeeded => "请先编辑本轮，填写计划开始日期，再启动。", "Edit the round and enter its planned start before starting it.";
            ErrPlannedRoundStarted => "这一轮已经启动，不能再次启动。", "This round has already been started.";
            ErrPlannedTargetGone => "计划中有已删除或已撤并的巡察对象，请先编辑本轮、去掉它们。", "The plan names a target that was deleted or merged; edit the round and take it out first.";
            ErrPlannedRoundMissing => "计划中没有这一轮（可能已被另一窗口修改），请刷新后重试。", "The plan no longer has this round (another tab may have changed it); reload and try again.";
            ErrTargetPlanned => "该巡察对象已列入巡察计划，请先从计划中去掉。", "This target is named in a plan; take it out of the plan first.";
            ErrTermHasPlans => "该届次下还有巡察计划，请先删除计划。", "This term still has plans; delete them first.";
        }
    };
}
